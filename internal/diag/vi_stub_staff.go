package diag

// vi is the Vietnamese catalogue; this stub stands in until main defines it.
var vi = map[string]string{}
