/**
 * Escapes text for the few places that take HTML strings (ECharts tooltip formatters, Leaflet tooltips): a project
 * title `<img src=x onerror=…>` must show as text, never be inserted as markup.
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
