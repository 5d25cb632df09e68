package deploy

import (
	"context"
	"net/url"

	"minhbach/internal/config"
	"minhbach/internal/diag"
)

// Open opens the target named by a URL (config.CheckTarget says which
// are valid) and returns it with the function that releases it.
func Open(ctx context.Context, target string) (Target, func(), error) {
	if msg := config.CheckTarget(target); !msg.IsZero() {
		return nil, nil, &Error{Msg: msg}
	}
	u, _ := url.Parse(target)
	switch u.Scheme {
	case "s3":
		b, err := OpenBucket(ctx, target)
		if err != nil {
			return nil, nil, err
		}
		return b, func() {}, nil
	case "file":
		f, err := OpenFolder(u.Path)
		if err != nil {
			return nil, nil, err
		}
		return f, func() { _ = f.Close() }, nil
	}
	return nil, nil, &Error{Msg: diag.Msgf("want a target like %q or %q, got %q", "s3://bucket/portal?endpoint=https://s3.example.gov.vn&region=us-east-1", "file:///srv/www/portal", target)}
}
