/**
 * The resources pages, loaded on first visit (`React.lazy` in App.tsx): one chunk for the three.
 */
export { NewResourcePage } from "./NewResourcePage.tsx";
export { ResourcePage } from "./ResourcePage.tsx";
export { ResourcesPage } from "./ResourcesPage.tsx";
