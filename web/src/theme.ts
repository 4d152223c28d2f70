import { createTheme, type CSSVariablesResolver } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "teal",
  // teal.9 keeps white button text and link text above 4.5:1 contrast; teal.8 does not.
  primaryShade: { light: 9, dark: 6 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
});

/** Mantine's default dimmed (gray.6) and error (red.6) text fall below 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-6)",
    // Text on orange/yellow tints (alert titles, light badges) needs a darker amber than orange.9.
    "--mantine-color-orange-light-color": "#9c3b07",
    "--mantine-color-yellow-light-color": "#8a4a00",
    // Teal text on the default light tint (active nav link, light buttons) is 4.3:1; a paler tint keeps 4.5:1.
    "--mantine-color-teal-light": "#e6fcf5",
    "--mantine-color-teal-light-hover": "#dcfaf0",
  },
  dark: {},
});

/** Warning text (orange.9 is 4.3:1 on white, so a darker amber). */
export const WARN_TEXT = "#9c3b07";
export const DANGER_TEXT = "var(--mantine-color-red-9)";
