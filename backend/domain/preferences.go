package domain

// Preferences are how the app looks for the people who use this installation.
type Preferences struct {
	Locale string // "fr", "en", or "" to follow the system
	Theme  string // "system", "light" or "dark"
}

// DefaultPreferences follow the system in everything.
func DefaultPreferences() Preferences { return Preferences{Locale: "", Theme: "system"} }

// Validate refuses values the UI does not know.
func (p Preferences) Validate() error {
	v := &ValidationError{}
	switch p.Locale {
	case "", "fr", "en":
	default:
		v.add("locale", CodeInvalidChoice, map[string]any{"choices": "fr, en"})
	}
	switch p.Theme {
	case "system", "light", "dark":
	default:
		v.add("theme", CodeInvalidChoice, map[string]any{"choices": "system, light, dark"})
	}
	return v.orNil()
}
