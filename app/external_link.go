package app

import (
	"fmt"
	"net/url"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// OpenExternal opens a web or mail link in the system's browser or mail program, so the window
// itself never navigates away from the app. Other schemes (file:, javascript:…) are refused.
func (d *Desktop) OpenExternal(link string) error {
	u, err := url.Parse(link)
	if err != nil {
		return fmt.Errorf("open link %q: %w", link, err)
	}
	switch u.Scheme {
	case "http", "https", "mailto":
	default:
		return fmt.Errorf("open link %q: only http, https and mailto links are opened", link)
	}
	if err := d.waitReady(); err != nil {
		return err
	}
	runtime.BrowserOpenURL(d.ctx, u.String())
	return nil
}
