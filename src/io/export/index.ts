// Public API of the exports (issue 6): plain text for mailing lists, Graphviz DOT, the normalised
// scenario file, share links, and the scenario inside a PNG picture (and any saved file opened
// again). All pure; links and PNG chunks are async only because the platform's compression
// streams are.
export { exportScenario, EXPORT_FORMATS, type ExportFormat, type ExportResult } from './exportScenario.ts';
export type { ExportScenario } from './runScenario.ts';
export { scenarioJson } from './scenarioJson.ts';
export { decodeShareLink, encodeShareLink, SHARE_LINK_VERSION, type ShareLinkResult } from './shareLink.ts';
export { MAIL_WIDTH } from './plainText.ts';
export { pngWithScenario, scenarioTextOfPng, PNG_SCENARIO_KEYWORD } from './pngScenario.ts';
export { readScenarioFile } from './scenarioFile.ts';
