import { createContext, useContext } from "react";

// The per-request CSP nonce, rendered on the server only; browsers hide the attribute's value
// after parsing, so the client renders an empty string and hydration matches.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
