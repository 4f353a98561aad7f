import * as migration_20261124_063134_initial from './20261124_063134_initial';
import * as migration_20261124_064750_calls_escalations from './20261124_064750_calls_escalations';
import * as migration_20261124_074615_site_events from './20261124_074615_site_events';
import * as migration_20261124_074915_guides_audience_index from './20261124_074915_guides_audience_index';
import * as migration_20261130_005542_telephony_records from './20261130_005542_telephony_records';
import * as migration_20261130_045242_calls_caller_hash from './20261130_045242_calls_caller_hash';
import * as migration_20261206_051607_faq_facets_facet_choice from './20261206_051607_faq_facets_facet_choice';
import * as migration_20261206_060056_users_no_account_lock from './20261206_060056_users_no_account_lock';
import * as migration_20261206_081040_retention from './20261206_081040_retention';
import * as migration_20261206_105341_source_watch from './20261206_105341_source_watch';
import * as migration_20261206_105359_audit_log_export from './20261206_105359_audit_log_export';
import * as migration_20261206_105520_transcripts from './20261206_105520_transcripts';
import * as migration_20261206_105751_report_counting from './20261206_105751_report_counting';
import * as migration_20261206_105807_review_queue_send_back from './20261206_105807_review_queue_send_back';
import * as migration_20261206_160000_report_rollups from './20261206_160000_report_rollups';
import * as migration_20261206_190000_report_frozen_months from './20261206_190000_report_frozen_months';
import * as migration_20261206_202357_faq_easy from './20261206_202357_faq_easy';
import * as migration_20261206_204814_guides_city_english from './20261206_204814_guides_city_english';
import * as migration_20261206_224911_faq_readings from './20261206_224911_faq_readings';
import * as migration_20261207_091836_telephony_records_fewer_indexes from './20261207_091836_telephony_records_fewer_indexes';

export const migrations = [
  {
    up: migration_20261124_063134_initial.up,
    down: migration_20261124_063134_initial.down,
    name: '20261124_063134_initial',
  },
  {
    up: migration_20261124_064750_calls_escalations.up,
    down: migration_20261124_064750_calls_escalations.down,
    name: '20261124_064750_calls_escalations',
  },
  {
    up: migration_20261124_074615_site_events.up,
    down: migration_20261124_074615_site_events.down,
    name: '20261124_074615_site_events',
  },
  {
    up: migration_20261124_074915_guides_audience_index.up,
    down: migration_20261124_074915_guides_audience_index.down,
    name: '20261124_074915_guides_audience_index',
  },
  {
    up: migration_20261130_005542_telephony_records.up,
    down: migration_20261130_005542_telephony_records.down,
    name: '20261130_005542_telephony_records',
  },
  {
    up: migration_20261130_045242_calls_caller_hash.up,
    down: migration_20261130_045242_calls_caller_hash.down,
    name: '20261130_045242_calls_caller_hash',
  },
  {
    up: migration_20261206_051607_faq_facets_facet_choice.up,
    down: migration_20261206_051607_faq_facets_facet_choice.down,
    name: '20261206_051607_faq_facets_facet_choice',
  },
  {
    up: migration_20261206_060056_users_no_account_lock.up,
    down: migration_20261206_060056_users_no_account_lock.down,
    name: '20261206_060056_users_no_account_lock',
  },
  {
    up: migration_20261206_081040_retention.up,
    down: migration_20261206_081040_retention.down,
    name: '20261206_081040_retention',
  },
  {
    up: migration_20261206_105341_source_watch.up,
    down: migration_20261206_105341_source_watch.down,
    name: '20261206_105341_source_watch',
  },
  {
    up: migration_20261206_105359_audit_log_export.up,
    down: migration_20261206_105359_audit_log_export.down,
    name: '20261206_105359_audit_log_export',
  },
  {
    up: migration_20261206_105520_transcripts.up,
    down: migration_20261206_105520_transcripts.down,
    name: '20261206_105520_transcripts',
  },
  {
    up: migration_20261206_105751_report_counting.up,
    down: migration_20261206_105751_report_counting.down,
    name: '20261206_105751_report_counting',
  },
  {
    up: migration_20261206_105807_review_queue_send_back.up,
    down: migration_20261206_105807_review_queue_send_back.down,
    name: '20261206_105807_review_queue_send_back',
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
    up: migration_20261206_202357_faq_easy.up,
    down: migration_20261206_202357_faq_easy.down,
    name: '20261206_202357_faq_easy',
  },
  {
    up: migration_20261206_204814_guides_city_english.up,
    down: migration_20261206_204814_guides_city_english.down,
    name: '20261206_204814_guides_city_english',
  },
  {
    up: migration_20261206_224911_faq_readings.up,
    down: migration_20261206_224911_faq_readings.down,
    name: '20261206_224911_faq_readings',
  },
  {
    up: migration_20261207_091836_telephony_records_fewer_indexes.up,
    down: migration_20261207_091836_telephony_records_fewer_indexes.down,
    name: '20261207_091836_telephony_records_fewer_indexes'
  },
];
