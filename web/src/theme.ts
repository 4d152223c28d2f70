import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "teal",
  // The teal shade used on white text must keep 4.5:1 contrast.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
});
