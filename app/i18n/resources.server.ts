// Every catalogue, bundled into the server build and imported by scripts: nothing is read from
// disk per request. The browser loads only its own language (app/i18n/client.ts).
import type { Resource } from "i18next";
import en_common from "~/locales/en/common.json";
import en_forms from "~/locales/en/forms.json";
import en_auth from "~/locales/en/auth.json";
import en_training from "~/locales/en/training.json";
import en_team from "~/locales/en/team.json";
import en_studio from "~/locales/en/studio.json";
import en_admin from "~/locales/en/admin.json";
import en_email from "~/locales/en/email.json";
import en_content from "~/locales/en/content.json";
import sl_common from "~/locales/sl/common.json";
import sl_forms from "~/locales/sl/forms.json";
import sl_auth from "~/locales/sl/auth.json";
import sl_training from "~/locales/sl/training.json";
import sl_team from "~/locales/sl/team.json";
import sl_studio from "~/locales/sl/studio.json";
import sl_admin from "~/locales/sl/admin.json";
import sl_email from "~/locales/sl/email.json";
import sl_content from "~/locales/sl/content.json";
import sk_common from "~/locales/sk/common.json";
import sk_forms from "~/locales/sk/forms.json";
import sk_auth from "~/locales/sk/auth.json";
import sk_training from "~/locales/sk/training.json";
import sk_team from "~/locales/sk/team.json";
import sk_studio from "~/locales/sk/studio.json";
import sk_admin from "~/locales/sk/admin.json";
import sk_email from "~/locales/sk/email.json";
import sk_content from "~/locales/sk/content.json";
import da_common from "~/locales/da/common.json";
import da_forms from "~/locales/da/forms.json";
import da_auth from "~/locales/da/auth.json";
import da_training from "~/locales/da/training.json";
import da_team from "~/locales/da/team.json";
import da_studio from "~/locales/da/studio.json";
import da_admin from "~/locales/da/admin.json";
import da_email from "~/locales/da/email.json";
import da_content from "~/locales/da/content.json";
import lt_common from "~/locales/lt/common.json";
import lt_forms from "~/locales/lt/forms.json";
import lt_auth from "~/locales/lt/auth.json";
import lt_training from "~/locales/lt/training.json";
import lt_team from "~/locales/lt/team.json";
import lt_studio from "~/locales/lt/studio.json";
import lt_admin from "~/locales/lt/admin.json";
import lt_email from "~/locales/lt/email.json";
import lt_content from "~/locales/lt/content.json";

export const resources = {
  en: {
    common: en_common,
    forms: en_forms,
    auth: en_auth,
    training: en_training,
    team: en_team,
    studio: en_studio,
    admin: en_admin,
    email: en_email,
    content: en_content,
  },
  sl: {
    common: sl_common,
    forms: sl_forms,
    auth: sl_auth,
    training: sl_training,
    team: sl_team,
    studio: sl_studio,
    admin: sl_admin,
    email: sl_email,
    content: sl_content,
  },
  sk: {
    common: sk_common,
    forms: sk_forms,
    auth: sk_auth,
    training: sk_training,
    team: sk_team,
    studio: sk_studio,
    admin: sk_admin,
    email: sk_email,
    content: sk_content,
  },
  da: {
    common: da_common,
    forms: da_forms,
    auth: da_auth,
    training: da_training,
    team: da_team,
    studio: da_studio,
    admin: da_admin,
    email: da_email,
    content: da_content,
  },
  lt: {
    common: lt_common,
    forms: lt_forms,
    auth: lt_auth,
    training: lt_training,
    team: lt_team,
    studio: lt_studio,
    admin: lt_admin,
    email: lt_email,
    content: lt_content,
  },
} satisfies Resource;
