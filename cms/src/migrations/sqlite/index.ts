import * as migration_20261124_063125_initial from './20261124_063125_initial';
import * as migration_20261124_064746_calls_escalations from './20261124_064746_calls_escalations';
import * as migration_20261124_074612_site_events from './20261124_074612_site_events';
import * as migration_20261124_074909_guides_audience_index from './20261124_074909_guides_audience_index';
import * as migration_20261130_005531_telephony_records from './20261130_005531_telephony_records';
import * as migration_20261130_045238_calls_caller_hash from './20261130_045238_calls_caller_hash';
import * as migration_20261206_051557_faq_facets_facet_choice from './20261206_051557_faq_facets_facet_choice';
import * as migration_20261206_060051_users_no_account_lock from './20261206_060051_users_no_account_lock';
import * as migration_20261206_081031_retention from './20261206_081031_retention';
import * as migration_20261206_105334_source_watch from './20261206_105334_source_watch';
import * as migration_20261206_105508_transcripts from './20261206_105508_transcripts';
import * as migration_20261206_105724_report_counting from './20261206_105724_report_counting';
import * as migration_20261206_105749_review_queue_send_back from './20261206_105749_review_queue_send_back';
import * as migration_20261206_160000_report_rollups from './20261206_160000_report_rollups';
import * as migration_20261206_190000_report_frozen_months from './20261206_190000_report_frozen_months';
import * as migration_20261206_202350_faq_easy from './20261206_202350_faq_easy';
import * as migration_20261206_204808_guides_city_english from './20261206_204808_guides_city_english';
import * as migration_20261206_224845_faq_readings from './20261206_224845_faq_readings';
import * as migration_20261207_091832_telephony_records_fewer_indexes from './20261207_091832_telephony_records_fewer_indexes';

export const migrations = [
  {
    up: migration_20261124_063125_initial.up,
    down: migration_20261124_063125_initial.down,
    name: '20261124_063125_initial',
  },
  {
    up: migration_20261124_064746_calls_escalations.up,
    down: migration_20261124_064746_calls_escalations.down,
    name: '20261124_064746_calls_escalations',
  },
  {
    up: migration_20261124_074612_site_events.up,
    down: migration_20261124_074612_site_events.down,
    name: '20261124_074612_site_events',
  },
  {
    up: migration_20261124_074909_guides_audience_index.up,
    down: migration_20261124_074909_guides_audience_index.down,
    name: '20261124_074909_guides_audience_index',
  },
  {
    up: migration_20261130_005531_telephony_records.up,
    down: migration_20261130_005531_telephony_records.down,
    name: '20261130_005531_telephony_records',
  },
  {
    up: migration_20261130_045238_calls_caller_hash.up,
    down: migration_20261130_045238_calls_caller_hash.down,
    name: '20261130_045238_calls_caller_hash',
  },
  {
    up: migration_20261206_051557_faq_facets_facet_choice.up,
    down: migration_20261206_051557_faq_facets_facet_choice.down,
    name: '20261206_051557_faq_facets_facet_choice',
  },
  {
    up: migration_20261206_060051_users_no_account_lock.up,
    down: migration_20261206_060051_users_no_account_lock.down,
    name: '20261206_060051_users_no_account_lock',
  },
  {
    up: migration_20261206_081031_retention.up,
    down: migration_20261206_081031_retention.down,
    name: '20261206_081031_retention',
  },
  {
    up: migration_20261206_105334_source_watch.up,
    down: migration_20261206_105334_source_watch.down,
    name: '20261206_105334_source_watch',
  },
  {
    up: migration_20261206_105508_transcripts.up,
    down: migration_20261206_105508_transcripts.down,
    name: '20261206_105508_transcripts',
  },
  {
    up: migration_20261206_105724_report_counting.up,
    down: migration_20261206_105724_report_counting.down,
    name: '20261206_105724_report_counting',
  },
  {
    up: migration_20261206_105749_review_queue_send_back.up,
    down: migration_20261206_105749_review_queue_send_back.down,
    name: '20261206_105749_review_queue_send_back',
  },
  {
    up: migration_20261206_160000_report_rollups.up,
    down: migration_20261206_160000_report_rollups.down,
    name: '20261206_160000_report_rollups',
  },
  {
    up: migration_20261206_190000_report_frozen_months.up,
    down: migration_20261206_190000_report_frozen_months.down,
    name: '20261206_190000_report_frozen_months',
  },
  {
    up: migration_20261206_202350_faq_easy.up,
    down: migration_20261206_202350_faq_easy.down,
    name: '20261206_202350_faq_easy',
  },
  {
    up: migration_20261206_204808_guides_city_english.up,
    down: migration_20261206_204808_guides_city_english.down,
    name: '20261206_204808_guides_city_english',
  },
  {
    up: migration_20261206_224845_faq_readings.up,
    down: migration_20261206_224845_faq_readings.down,
    name: '20261206_224845_faq_readings',
  },
  {
    up: migration_20261207_091832_telephony_records_fewer_indexes.up,
    down: migration_20261207_091832_telephony_records_fewer_indexes.down,
    name: '20261207_091832_telephony_records_fewer_indexes'
  },
];
