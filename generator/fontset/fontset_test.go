package fontset

import "testing"

func TestCovers(t *testing.T) {
	drawn := "Aminata DIALLO é è ê ë à ç œ Œ « » € ’ – — … ɓ ɗ ŋ ƴ Ɓ Ɗ Ŋ Ƴ ş ğ ı İ ș ț ł ż ź ń ą ę Nguyễn Thị Ngọc Hà"
	for _, r := range drawn {
		if !Covers(r) {
			t.Errorf("Covers(%q U+%04X) = false, want true", r, r)
		}
	}
	for _, r := range []rune{'😀', '𝔸', '\u0007', 'ह', '中', 'ا'} {
		if Covers(r) {
			t.Errorf("Covers(%q U+%04X) = true, want false", r, r)
		}
	}
	if r, bad := FirstUncovered("Bamako 😀 (Mali)"); !bad || r != '😀' {
		t.Errorf("FirstUncovered = %q, %v", r, bad)
	}
	if _, bad := FirstUncovered("Saint-Étienne"); bad {
		t.Error("FirstUncovered rejected plain French text")
	}
}
