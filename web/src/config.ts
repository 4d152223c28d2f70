/** Build-time settings (Vite env). Local mode signs in as a demo user; cognito mode with a password. */
export const config = {
  apiUrl: import.meta.env.VITE_API_URL ?? "http://localhost:4000/graphql",
  authMode: import.meta.env.VITE_AUTH_MODE === "cognito" ? ("cognito" as const) : ("local" as const),
  cognito: {
    userPoolId: import.meta.env.VITE_COGNITO_USER_POOL_ID ?? "",
    clientId: import.meta.env.VITE_COGNITO_CLIENT_ID ?? "",
    region: import.meta.env.VITE_COGNITO_REGION ?? "",
    /** Only to point the portal at an emulator (tests); unset, the region's Cognito is used. */
    endpoint: import.meta.env.VITE_COGNITO_ENDPOINT ?? "",
  },
};

/** The API's origin, where the local-mode auth endpoints live beside /graphql. */
export function apiOrigin(): string {
  return new URL(config.apiUrl, window.location.href).origin;
}
