/** `PRAGMA application_id` of a Dossier store ("DOSS" in ASCII), so a foreign SQLite file is refused. */
export const DOSSIER_APPLICATION_ID = 0x444f5353
