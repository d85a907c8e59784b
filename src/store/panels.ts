// The screen's two docks and the panels each can show. A panel's dock is fixed here so that any
// action (a check's "load into timeline", a keyboard shortcut) can bring a panel to the front.
export const PANEL_DOCKS = {
  inspector: 'right',
  console: 'right',
  log: 'bottom',
  timeline: 'bottom',
  compare: 'bottom',
  check: 'bottom',
  changes: 'bottom',
} as const;

export type PanelId = keyof typeof PANEL_DOCKS;
export type Dock = (typeof PANEL_DOCKS)[PanelId];

/** Which panel each dock shows. */
export type DockPanels = Readonly<Record<Dock, PanelId>>;

export const DEFAULT_DOCK_PANELS: DockPanels = { right: 'inspector', bottom: 'log' };

export function withPanel(panels: DockPanels, id: PanelId): DockPanels {
  const dock = PANEL_DOCKS[id];
  return panels[dock] === id ? panels : { ...panels, [dock]: id };
}
