// The panels the two docks can show, in tab order. A panel is registered here with its title; its
// dock comes from src/store/panels.ts. A heavy panel registers as `lazy(() => import(...))`: it
// loads when first shown, and the dock shows "Loading" meanwhile.
import { lazy, type ComponentType } from 'react';
import type { PanelId } from '../../store/panels.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { EventLog } from '../log/EventLog.tsx';

const UapiConsole = lazy(() => import('../console/UapiConsole.tsx').then((m) => ({ default: m.UapiConsole })));
const Timeline = lazy(() => import('../timeline/Timeline.tsx').then((m) => ({ default: m.Timeline })));
const ChangesPanel = lazy(() => import('../edit/ChangesPanel.tsx').then((m) => ({ default: m.ChangesPanel })));
const CompareView = lazy(() => import('../compare/CompareView.tsx').then((m) => ({ default: m.CompareView })));
const CheckPanel = lazy(() => import('../check/CheckPanel.tsx').then((m) => ({ default: m.CheckPanel })));

export interface PanelDef {
  id: PanelId;
  title: string;
  Component: ComponentType;
}

export const PANELS: readonly PanelDef[] = [
  { id: 'inspector', title: 'Inspector', Component: Inspector },
  { id: 'console', title: 'uAPI console', Component: UapiConsole },
  { id: 'log', title: 'Event log', Component: EventLog },
  { id: 'timeline', title: 'Timeline', Component: Timeline },
  { id: 'compare', title: 'Compare designs', Component: CompareView },
  { id: 'check', title: 'Check', Component: CheckPanel },
  { id: 'changes', title: 'What changed', Component: ChangesPanel },
];
