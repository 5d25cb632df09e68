package config

import (
	"net/url"
	"strings"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
)

// Deploy is site.yaml's deploy mapping: where `minhbach deploy` sends the
// built site and which HTTP headers the objects get.
type Deploy struct {
	// Target is the default target URL: "s3://bucket/prefix?endpoint=…&region=…"
	// or "file:///srv/www/portal"; --target replaces it.
	Target string
	// Gzip asks an S3 target to store the .gz twin that `build --gzip`
	// wrote under the plain name, with Content-Encoding: gzip.
	Gzip bool
	// Headers are the rules that override the default headers, in order:
	// the last rule that matches a path and sets a header wins.
	Headers []HeaderRule
}

// HeaderRule sets headers on the published files whose path matches Match.
type HeaderRule struct {
	// Match is a pattern of paths inside public/: "*" stands for any
	// characters but '/', "**" for any characters, "?" for one character.
	Match string
	// CacheControl and ContentType replace the defaults when not "".
	CacheControl, ContentType string
	// Pos is where the rule is written in site.yaml.
	Pos diag.Pos
}

// DeployKeys are the keys of site.yaml's deploy mapping.
var DeployKeys = []string{"target", "gzip", "headers"}

// HeaderRuleKeys are the keys of one rule of deploy.headers.
var HeaderRuleKeys = []string{"match", "cache_control", "content_type"}

// loadDeploy reads the deploy mapping of site.yaml, if any.
func loadDeploy(m *meta.Map, d *diag.List) Deploy {
	var out Deploy
	dm := m.Sub("deploy")
	if dm == nil {
		return out
	}
	dm.CheckKeys(DeployKeys, diag.Warning)
	out.Target = dm.String("target", false)
	if out.Target != "" {
		if msg := CheckTarget(out.Target); !msg.IsZero() {
			d.Errorf(dm.Pos(dm.Node("target")), "deploy.target: %s", msg)
		}
	}
	out.Gzip = dm.Bool("gzip")
	for _, r := range dm.List("headers") {
		r.CheckKeys(HeaderRuleKeys, diag.Warning)
		rule := HeaderRule{Match: r.String("match", true), CacheControl: r.String("cache_control", false),
			ContentType: r.String("content_type", false), Pos: r.Pos(nil)}
		if rule.Match != "" {
			rule.Pos = r.Pos(r.Node("match"))
		}
		if rule.CacheControl == "" && rule.ContentType == "" {
			d.Errorf(rule.Pos, "deploy.headers: the rule for %q sets no header: give cache_control or content_type", rule.Match)
		}
		out.Headers = append(out.Headers, rule)
	}
	return out
}

// CheckTarget returns what is wrong with a deploy target URL, or a zero
// Message.
func CheckTarget(target string) diag.Message {
	u, err := url.Parse(target)
	switch {
	case err != nil:
		return diag.Msgf("want a target like %q or %q, got %q", "s3://bucket/portal?endpoint=https://s3.example.gov.vn&region=us-east-1", "file:///srv/www/portal", target)
	case u.Scheme == "s3":
		if u.Host == "" {
			return diag.Msgf("the target %q names no bucket: write s3://BUCKET/prefix", target)
		}
		if e := u.Query().Get("endpoint"); e != "" {
			eu, err := url.Parse(e)
			if err != nil || (eu.Scheme != "http" && eu.Scheme != "https") || eu.Host == "" {
				return diag.Msgf("the endpoint %q of the target is not an http(s) address like %q", e, "https://s3.example.gov.vn")
			}
		}
		return diag.Message{}
	case u.Scheme == "file":
		if u.Host != "" && u.Host != "localhost" || !strings.HasPrefix(u.Path, "/") {
			return diag.Msgf("the target %q is not a folder: write file:///full/path/to/folder (three slashes)", target)
		}
		return diag.Message{}
	}
	return diag.Msgf("want a target like %q or %q, got %q", "s3://bucket/portal?endpoint=https://s3.example.gov.vn&region=us-east-1", "file:///srv/www/portal", target)
}
