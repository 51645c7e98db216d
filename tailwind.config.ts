import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // A sober blue/green palette, chosen for AA contrast on white.
        brand: {
          50: "#eef4fb",
          100: "#d6e4f5",
          600: "#1f4e8c",
          700: "#173d6e",
          800: "#112d52",
        },
        accent: {
          600: "#0f6b4f",
          700: "#0b5540",
        },
      },
      fontFamily: {
        sans: [
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "sans-serif",
        ],
      },
    },
  },
  plugins: [],
} satisfies Config;
