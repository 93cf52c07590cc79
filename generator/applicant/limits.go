package applicant

// The limits on what an input may hold, each with its reason. They are far
// above any real applicant file or caseload, and low enough that a file
// made by mistake or in bad faith (an endless stream, a million keys, a
// name of a million letters) is refused in a moment and a little memory,
// with a message that names the limit.
const (
	// MaxFileSize is the largest applicant or organisation file read, in
	// bytes. The examples hold 1 to 4 KB, and a file with every field and
	// comments about 10 KB; past 1 MiB the file is not an applicant file
	// (a folder's wrong file, /dev/zero through a link), and the YAML
	// reader's memory grows a hundredfold with the file's size. A file is
	// held to it with each alias (*name) counted as the value it repeats
	// (expand.go): 1,500 aliases of a 60 KB value are 90 MB of values.
	MaxFileSize = 1 << 20

	// MaxSheetSize is the largest CSV file or .xlsx workbook read, the
	// most a workbook may inflate to, and the most text a sheet may hold
	// with its shared strings written out, in bytes. A caseload of 10 000
	// applicants with all 59 columns filled with 30 characters is 18 MB of
	// CSV and inflates to 45 MB of workbook (measured); a zip bomb of 4 MB
	// inflates to 4 GB, and a workbook of 266 KB whose cells all name one
	// shared string of 1 MB stands for 2 TB of text.
	MaxSheetSize = 64 << 20

	// MaxLineSize is the longest line of a CSV file, and the most text
	// of one row of a sheet, in bytes. A row of the caseload template
	// with every column at its longest text is under 10 KB; a longer line
	// is a file that is not a CSV (a PDF, an archive, /dev/zero's like),
	// which would otherwise be held in memory whole.
	MaxLineSize = 64 << 10

	// MaxSheetRows is the most rows read from one spreadsheet. An
	// association's caseload holds hundreds to a few thousand people; the
	// batch keeps every applicant's deadlines in memory for the caseload
	// board (a batch of 50,000 rows peaks at about 420 MiB), and a sheet
	// of a million empty-looking rows is a mistake.
	MaxSheetRows = 50000

	// MaxNameLength is the most characters of a person's name (family
	// name, given names) or birth place. The longest names of civil
	// registers, several given names and compound family names, hold about
	// 60 characters; a name over 100 does not fit the letter's lines.
	MaxNameLength = 100

	// MaxTextLength is the most characters of any other one-line text
	// (an address line, a city, a doctor's name, an organisation's name):
	// three lines of the checklist's width.
	MaxTextLength = 200

	// MaxListItems is the most items of a list (residence_proofs,
	// ofii_requests, documents_ready, an organisation's address). The
	// longest meaningful list, documents_ready, has one item per checklist
	// item: about 20.
	MaxListItems = 100

	// MaxProblems is the most problems reported for one file; the rest are
	// counted ("and 3 214 more problems"). A hundred problems already say
	// that the file is not an applicant file; a list of a million bad items
	// printed 395 MB of errors.
	MaxProblems = 100
)
