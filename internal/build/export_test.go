package build

// NoPatch turns off the patch shortcut of a session, for the benchmark
// that weighs it: a body-only edit then builds the site again.
func NoPatch(s *Session, off bool) { s.noPatch = off }
