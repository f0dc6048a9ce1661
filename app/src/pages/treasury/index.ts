/** The treasury page (its own lazy chunk). */
export { TreasuryPage } from "./TreasuryPage.tsx";
