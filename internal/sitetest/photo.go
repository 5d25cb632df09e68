package sitetest

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
)

// Photo returns a deterministic JPEG of w×h pixels that compresses like a
// camera photo: colour fields (a sky, a ground, a few soft shapes) with
// texture at several scales (as leaves, cloth and faces have) under fine
// grain, so that a 6 000×4 000 photo weighs a few megabytes, as real ones
// do, and its smaller copies keep detail, as real ones do. The same w, h
// and seed always give the same bytes.
func Photo(w, h int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 0x70686f746f))
	m := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	// Texture: value noise, one grid of random values a scale,
	// interpolated between grid points.
	type octave struct {
		cell, amp float64
		gw        int
		g         []float64
	}
	var octaves []octave
	for _, o := range []struct{ cell, amp float64 }{{4, 14}, {12, 16}, {40, 18}} {
		gw, gh := int(float64(w)/o.cell)+2, int(float64(h)/o.cell)+2
		g := make([]float64, gw*gh)
		for i := range g {
			g[i] = r.Float64()*2 - 1
		}
		octaves = append(octaves, octave{o.cell, o.amp, gw, g})
	}
	type blob struct{ x, y, rad, dy float64 }
	blobs := make([]blob, 6)
	for i := range blobs {
		blobs[i] = blob{r.Float64() * float64(w), float64(h)*0.3 + r.Float64()*float64(h)*0.7, float64(min(w, h)) * (0.05 + r.Float64()*0.2), 40 - r.Float64()*80}
	}
	horizon := float64(h) * (0.35 + r.Float64()*0.2)
	for y := range h {
		fy := float64(y)
		for x := range w {
			fx := float64(x)
			var v float64
			if fy < horizon {
				v = 200 - 60*fy/horizon
			} else {
				v = 90 + 50*math.Sin(fx/float64(w)*7+fy/float64(h)*3)
			}
			if fy >= horizon {
				for _, o := range octaves {
					gx, gy := fx/o.cell, fy/o.cell
					ix, iy := int(gx), int(gy)
					tx, ty := gx-float64(ix), gy-float64(iy)
					i := iy*o.gw + ix
					a := o.g[i]*(1-tx) + o.g[i+1]*tx
					b := o.g[i+o.gw]*(1-tx) + o.g[i+o.gw+1]*tx
					v += o.amp * (a*(1-ty) + b*ty)
				}
			}
			for _, b := range blobs {
				dx, dy := fx-b.x, fy-b.y
				if d := dx*dx + dy*dy; d < b.rad*b.rad {
					v += b.dy * (1 - d/(b.rad*b.rad))
				}
			}
			v += r.NormFloat64() * 9 // grain
			m.Y[y*m.YStride+x] = uint8(max(0, min(255, v)))
		}
	}
	for y := range (h + 1) / 2 {
		for x := range (w + 1) / 2 {
			sky := float64(2*y) < horizon
			cb, cr := 120.0, 135.0
			if sky {
				cb, cr = 150, 115
			}
			cb += 8 * math.Sin(float64(x)/97)
			cr += 8 * math.Cos(float64(y)/83)
			m.Cb[y*m.CStride+x] = uint8(cb + r.NormFloat64()*2)
			m.Cr[y*m.CStride+x] = uint8(cr + r.NormFloat64()*2)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 85}); err != nil {
		panic(err) // encoding to memory fails only on a bad image
	}
	return b.Bytes()
}
