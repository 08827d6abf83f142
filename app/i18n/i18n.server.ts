import { createInstance, type TFunction } from "i18next";
import { i18nOptions, type Locale, type Namespace } from "./config";
import { resources } from "./resources.server";

// One i18next instance for the whole process, initialised once with every catalogue in memory.
// A request gets a clone (shared store, its own language) for React, or a fixed `t` for e-mails,
// CSV headers and certificates.

const root = createInstance({ ...i18nOptions, resources, initImmediate: false });
void root.init();

/** A `t` bound to one language (and a default namespace). */
export function fixedT(locale: Locale, ns: Namespace = "common"): TFunction {
  return root.getFixedT(locale, ns);
}

/** An instance speaking `locale`, for <I18nextProvider> while rendering one request. */
export function instanceFor(locale: Locale) {
  return root.cloneInstance({ lng: locale, initImmediate: false });
}
