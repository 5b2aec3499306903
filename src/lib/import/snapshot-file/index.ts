/**
 * The native snapshot file (docs/adr/0002-snapshot-format.md): read with parseSnapshotFile or
 * snapshotFromJson, write with serializeSnapshot. Recognising which files are snapshots, and
 * reading bytes off disk or a drop, is left to the importer (import-files.ts).
 */
export { parseSnapshotFile, snapshotFromJson } from './parse-snapshot-file';
export { serializeSnapshot } from './serialize-snapshot';
