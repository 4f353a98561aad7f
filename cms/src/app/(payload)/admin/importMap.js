import { SourceChangesPanel as SourceChangesPanel_5fbee235a1d65bab38b1977377c4b05e } from '../../../components/SourceChangesPanel'
import { CharCounter as CharCounter_a2ae72658f7a679cb075b1beec17e86d } from '../../../components/CharCounter'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SendBackButton as SendBackButton_bcbe7de31c48a38c08f160360e202be9 } from '../../../components/SendBackButton'
import { SendBackReasonField as SendBackReasonField_46627d52b9bbfdee447ea20acd741f02 } from '../../../components/SendBackReasonField'
import { ReadabilityPanel as ReadabilityPanel_678d310dea241e2adeb6c30d39b040c2 } from '../../../components/ReadabilityPanel'
import { PublishButtonForPublishers as PublishButtonForPublishers_9f353886fc0fd3a5afe083260258f9c8 } from '../../../components/PublishButtonForPublishers'
import { TranscriptPanel as TranscriptPanel_685a4a12a66f9e275da08e41afa25bc9 } from '../../../components/TranscriptPanel'
import { EscalationFromCall as EscalationFromCall_3b3b81dc54f7839cc5b6bf2bdd98ed6a } from '../../../components/EscalationFromCall'
import { TranscriptUpload as TranscriptUpload_e5c21136fcc8d5fa5c9f1e80030e4334 } from '../../../components/TranscriptUpload'
import { FirstUserRole as FirstUserRole_df7e5e35a3a90354c654cc140b3f2e1c } from '../../../components/FirstUserRole'
import { CurrentPasswordField as CurrentPasswordField_28d17a3fb57fcfdd84576cae29621dd2 } from '../../../components/CurrentPasswordField'
import { StaffNavLinks as StaffNavLinks_bfbdfd3919cccd6a396bd20078dbcfd3 } from '../../../components/StaffNavLinks'
import { HomeView as HomeView_78d4460baf957364b329d4c0fed6bcb8 } from '../../../components/HomeView'
import { ReviewQueueView as ReviewQueueView_dd633564f0a13145322aec195e51febb } from '../../../components/ReviewQueueView'
import { WorkListView as WorkListView_dd633564f0a13145322aec195e51febb } from '../../../components/ReviewQueueView'
import { ReviewDueView as ReviewDueView_6722c73804b17d7eb237e3d2c4878d8d } from '../../../components/ReviewDueView'
import { SupervisorView as SupervisorView_07aee522195cad40262591b882702374 } from '../../../components/SupervisorView'
import { DeskView as DeskView_70ba9c90cafa12b424462968b3df2d42 } from '../../../components/DeskView'
import { DashboardView as DashboardView_11caf4012f6606a9997505bc7ae412ac } from '../../../components/DashboardView'
import { GapView as GapView_ecd399ebb7944570e644c63161cbbb96 } from '../../../components/GapView'
import { ReadoutView as ReadoutView_942e6c441b705c62a4caac48d032c89e } from '../../../components/ReadoutView'
import { ReportsView as ReportsView_f38cfc1b9ecf3645fff5adb5910da58e } from '../../../components/ReportsView'
import { AiView as AiView_7e3b465bf5ef3fb1a083c9bbd1b58ff4 } from '../../../components/AiView'
import { HealthView as HealthView_48f01ded8308a65dfc15fb3009c7968e } from '../../../components/HealthView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/SourceChangesPanel#SourceChangesPanel": SourceChangesPanel_5fbee235a1d65bab38b1977377c4b05e,
  "/components/CharCounter#CharCounter": CharCounter_a2ae72658f7a679cb075b1beec17e86d,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/SendBackButton#SendBackButton": SendBackButton_bcbe7de31c48a38c08f160360e202be9,
  "/components/SendBackReasonField#SendBackReasonField": SendBackReasonField_46627d52b9bbfdee447ea20acd741f02,
  "/components/ReadabilityPanel#ReadabilityPanel": ReadabilityPanel_678d310dea241e2adeb6c30d39b040c2,
  "/components/PublishButtonForPublishers#PublishButtonForPublishers": PublishButtonForPublishers_9f353886fc0fd3a5afe083260258f9c8,
  "/components/TranscriptPanel#TranscriptPanel": TranscriptPanel_685a4a12a66f9e275da08e41afa25bc9,
  "/components/EscalationFromCall#EscalationFromCall": EscalationFromCall_3b3b81dc54f7839cc5b6bf2bdd98ed6a,
  "/components/TranscriptUpload#TranscriptUpload": TranscriptUpload_e5c21136fcc8d5fa5c9f1e80030e4334,
  "/components/FirstUserRole#FirstUserRole": FirstUserRole_df7e5e35a3a90354c654cc140b3f2e1c,
  "/components/CurrentPasswordField#CurrentPasswordField": CurrentPasswordField_28d17a3fb57fcfdd84576cae29621dd2,
  "/components/StaffNavLinks#StaffNavLinks": StaffNavLinks_bfbdfd3919cccd6a396bd20078dbcfd3,
  "/components/HomeView#HomeView": HomeView_78d4460baf957364b329d4c0fed6bcb8,
  "/components/ReviewQueueView#ReviewQueueView": ReviewQueueView_dd633564f0a13145322aec195e51febb,
  "/components/ReviewQueueView#WorkListView": WorkListView_dd633564f0a13145322aec195e51febb,
  "/components/ReviewDueView#ReviewDueView": ReviewDueView_6722c73804b17d7eb237e3d2c4878d8d,
  "/components/SupervisorView#SupervisorView": SupervisorView_07aee522195cad40262591b882702374,
  "/components/DeskView#DeskView": DeskView_70ba9c90cafa12b424462968b3df2d42,
  "/components/DashboardView#DashboardView": DashboardView_11caf4012f6606a9997505bc7ae412ac,
  "/components/GapView#GapView": GapView_ecd399ebb7944570e644c63161cbbb96,
  "/components/ReadoutView#ReadoutView": ReadoutView_942e6c441b705c62a4caac48d032c89e,
  "/components/ReportsView#ReportsView": ReportsView_f38cfc1b9ecf3645fff5adb5910da58e,
  "/components/AiView#AiView": AiView_7e3b465bf5ef3fb1a083c9bbd1b58ff4,
  "/components/HealthView#HealthView": HealthView_48f01ded8308a65dfc15fb3009c7968e,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
