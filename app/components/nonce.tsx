import { createContext, useContext } from "react";

// The CSP nonce of the current response (set by server/security.mjs, handed over by
// entry.server.tsx). In the browser it is empty: scripts are already allowed by then.
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
