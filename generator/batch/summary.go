package batch

import (
	"encoding/csv"
	"io"
	"strings"
)

// SummaryColumns are the columns of summary.csv.
var SummaryColumns = []string{"source", "entry", "status", "pdf", "next_deadline",
	"next_deadline_date", "post_by", "warnings", "error"}

// Values of the status column.
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
)

// writeSummary writes summary.csv: one row per entry, in input order;
// comma-separated, UTF-8, lists (warning IDs) separated by ";" as in the
// input spreadsheets, problems separated by " | ".
func writeSummary(w io.Writer, rows []Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(SummaryColumns); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.Source, r.Entry, StatusOK, r.PDF, "", "", "", strings.Join(r.Warnings, ListSeparator), ""}
		if !r.OK() {
			rec[2] = StatusFailed
			texts := make([]string, len(r.Problems))
			for i, p := range r.Problems {
				texts[i] = p.Text
			}
			rec[8] = strings.Join(texts, " | ")
		}
		if d := r.Next; d != nil {
			rec[4], rec[5] = d.ID, d.Date.String()
			if d.PostBy != nil {
				rec[6] = d.PostBy.String()
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
