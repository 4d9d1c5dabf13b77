package domain

import (
	"maps"
	"strings"
	"testing"
)

func TestProjectMessageNormalizeAndValidate(t *testing.T) {
	m := ProjectMessage{Author: "  Élodie   Martin ", Body: "\r\n  Bonjour à tous,\r\nle bilan est prêt.\r  "}
	m.Normalize()
	if err := m.Validate(); err != nil {
		t.Fatalf("valid message refused: %v", err)
	}
	if m.Author != "Élodie Martin" {
		t.Errorf("author %q", m.Author)
	}
	if m.Body != "Bonjour à tous,\nle bilan est prêt." {
		t.Errorf("body %q", m.Body)
	}
}

func TestProjectMessageValidationErrors(t *testing.T) {
	tests := []struct {
		name string
		msg  ProjectMessage
		want map[string]string
	}{
		{"nothing", ProjectMessage{}, map[string]string{"author": CodeRequired, "body": CodeRequired}},
		{"blank text", ProjectMessage{Author: "Zoé", Body: " \n\t "}, map[string]string{"body": CodeRequired}},
		{"author too long", ProjectMessage{Author: strings.Repeat("Ж", 101), Body: "Привет"}, map[string]string{"author": CodeTooLong}},
		{"author at the limit", ProjectMessage{Author: strings.Repeat("Ж", 100), Body: "Привет"}, map[string]string{}},
		{"text too long", ProjectMessage{Author: "Zoé", Body: strings.Repeat("é", MaxMessageBodyRunes+1)}, map[string]string{"body": CodeTooLong}},
		{"text at the limit", ProjectMessage{Author: "Zoé", Body: strings.Repeat("é", MaxMessageBodyRunes)}, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.msg
			m.Normalize()
			if got := fieldCodes(t, m.Validate()); !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
