package pipeline

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
)

func TestSlug(t *testing.T) {
	tests := []struct{ family, given, want string }{
		{"DIALLO", "Aminata", "diallo-aminata"},
		{"MBARGA ÉTOUNDI", "Hortense Marie-Claire", "mbarga-etoundi-hortense-marie-claire"},
		{"NGUYỄN", "Văn Đức", "nguyen-van-duc"},
		{"SOW", "Mamadou Ɓoye", "sow-mamadou-boye"},
		{"../../etc", "/passwd", "etc-passwd"},
		{"..", ".", "applicant"},
		{"/", "\\", "applicant"},
		{"C:\\Windows", "..\\x", "c-windows-x"},
		{".hidden", "", "hidden"},
		{"O'BRIEN", "Seán", "o-brien-sean"},
		{"Ωμέγα", "Щ", "applicant"},
		{strings.Repeat("LONGNAME ", 12), "X", "longname-longname-longname-longname-longname-longname"},
	}
	for _, tt := range tests {
		f := &applicant.File{Applicant: applicant.Applicant{FamilyName: tt.family, GivenNames: tt.given}}
		got := PackName(f)
		if got != tt.want {
			t.Errorf("PackName(%q, %q) = %q, want %q", tt.family, tt.given, got, tt.want)
		}
		if filepath.Base(got) != got || strings.HasPrefix(got, ".") || len(got) > maxSlug {
			t.Errorf("PackName(%q, %q) = %q is not a plain file name", tt.family, tt.given, got)
		}
	}
}
