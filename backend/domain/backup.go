package domain

// BackupSettings are the installation's backup choices.
type BackupSettings struct {
	// SecondFolder, when set, receives a copy of every backup: a USB key or another disk, so
	// that a dead disk does not take the backups with the data. Empty: backups stay in the
	// data folder only.
	SecondFolder string
}

// Codes of backup problems.
const (
	CodeFolderNotFound    = "folder_not_found"    // the folder does not exist (or is not a folder)
	CodeFolderNotWritable = "folder_not_writable" // a file cannot be written there
	CodeFolderInsideData  = "folder_inside_data"  // it is the data folder or inside it
	CodeFolderNotAbsolute = "folder_not_absolute" // a relative path, whose meaning depends on where the app starts

	// RuleBackupNotManual: automatic backups are thinned by the app; only manual ones are
	// deleted by hand.
	RuleBackupNotManual = "backup_not_manual"
)
