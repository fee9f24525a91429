// Runs in a child Node process: tries to open a workbook the way another Demarc would.
const Database = require('better-sqlite3');
exports.openWorkbookFile = (path) => {
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  db.pragma('busy_timeout = 0');
  db.pragma('locking_mode = EXCLUSIVE');
  try {
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
    return 'OPENED';
  } catch (error) {
    return /SQLITE_BUSY|locked/i.test(`${error.code} ${error.message}`) ? 'LOCKED' : `ERROR ${error.message}`;
  } finally {
    db.close();
  }
};
