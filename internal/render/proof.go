package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/pem"

	"minhbach/internal/urls"
)

// The Xác thực page and the public key it shows (see package proof for
// the manifest and signature the build writes beside them).
const (
	// keyFile is the public key in PEM, served beside the manifest.
	keyFile = "xac-thuc/khoa-cong-khai.pem"
)

// Proof is what the Xác thực page shows: the site's public key, when
// site.yaml gives one, and where the manifest and signature are.
type Proof struct {
	// KeyPEM is the public key in PEM; "" when the site has no key.
	KeyPEM string
	// Fingerprint is the hex SHA-256 of the key's SubjectPublicKeyInfo,
	// as `openssl pkey -pubin -outform DER | sha256sum` prints it.
	Fingerprint string
	// Manifest, Signature and Key are the files' URLs from the site root.
	Manifest, Signature, Key string
}

// proof returns the Xác thực page's data for the site's key.
func (r *Renderer) proof() *Proof {
	p := &Proof{Manifest: urls.Proof + "manifest.json", Signature: urls.Proof + "manifest.sig", Key: "/" + keyFile}
	if der := r.site.SigningKeyDER; len(der) > 0 {
		p.KeyPEM = string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
		sum := sha256.Sum256(der)
		p.Fingerprint = hex.EncodeToString(sum[:])
	}
	return p
}

// proofJobs renders the Xác thực page and, when the site has a key, the
// key's PEM file.
func (r *Renderer) proofJobs(page func(url, layout string, p *Page)) []Job {
	pr := r.proof()
	page(urls.Proof, "proof.html", &Page{Kind: "proof", Title: "Xác thực", Proof: pr,
		Description: "Cách kiểm tra một tệp tải từ cổng thông tin có đúng là tệp đã được đăng, chưa bị sửa đổi.",
		Crumbs:      []Crumb{home, {Name: "Xác thực"}}})
	if pr.KeyPEM == "" {
		return nil
	}
	return []Job{{Path: keyFile, Run: func() ([]byte, error) { return []byte(pr.KeyPEM), nil }, Data: pr.KeyPEM}}
}
