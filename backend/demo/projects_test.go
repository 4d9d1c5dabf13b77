package demo

import "testing"

func TestOfTownElidesAndContracts(t *testing.T) {
	for town, want := range map[string]string{
		"Albi": "d’Albi", "Évry": "d’Évry", "Le Havre": "du Havre", "Les Sables-d’Olonne": "des Sables-d’Olonne",
		"Besançon": "de Besançon", "La Rochelle": "de La Rochelle", "Hyères": "d’Hyères",
	} {
		if got := ofTown(town); got != want {
			t.Errorf("ofTown(%q) = %q, want %q", town, got, want)
		}
	}
}
