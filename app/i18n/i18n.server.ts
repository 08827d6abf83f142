import { createInstance, type TFunction } from "i18next";
import { i18nOptions, type Locale, type Namespace } from "./config";
import { resources } from "./resources.server";

// One i18next instance for the whole process, initialised once with every catalogue in memory.
// Each language gets one clone (shared store, its own language) for React, or a fixed `t` for
// e-mails, CSV headers and certificates.

const root = createInstance({ ...i18nOptions, resources, initImmediate: false });
void root.init();

/** A `t` bound to one language (and a default namespace). */
export function fixedT(locale: Locale, ns: Namespace = "common"): TFunction {
  return root.getFixedT(locale, ns);
}

const instances = new Map<Locale, ReturnType<typeof root.cloneInstance>>();

/**
 * The instance speaking `locale`, for <I18nextProvider> while rendering. One per language for the
 * whole process (a clone per request was a tenth of a signed-out page's work): nothing on the
 * server changes an instance's language, so requests can share it.
 */
export function instanceFor(locale: Locale) {
  let instance = instances.get(locale);
  if (!instance) {
    instance = root.cloneInstance({ lng: locale, initImmediate: false });
    instances.set(locale, instance);
  }
  return instance;
}
