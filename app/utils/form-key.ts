import { z } from "zod";

/**
 * The one-time key a create form carries (`formKey`, a hidden field the page's loader fills with
 * `newFormKey()`): the first submission with it creates the record, a repeat creates nothing
 * (app/db/form-keys.server.ts). A form without one, or with something else, is out of date.
 */
export const formKeyField = z.uuid({ error: "forms:formKey" });
