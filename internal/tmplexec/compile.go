package tmplexec

import (
	"reflect"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// The code a template compiles to mirrors text/template's parse tree, with
// functions resolved, constants made once and a cache at each field.

type tmplCode struct {
	name string
	body []node
}

type nodeKind uint8

const (
	nText nodeKind = iota
	nAction
	nIf
	nWith
	nRange
	nTemplate
	nBreak
	nContinue
)

type node struct {
	kind nodeKind
	text string
	pipe *pipeline
	// out is the escapers that end a printing action, applied in order
	// to the value of pipe (which then holds the commands before them).
	out            []*function
	list, elseList []node
	tmpl           *tmplCode
}

type pipeline struct {
	decl     []string
	isAssign bool
	cmds     []*command
}

type wordKind uint8

const (
	wDot wordKind = iota
	wField
	wVar
	wChain
	wFunc
	wPipe
	wConst
	wNumber
	wNil
)

// command is a command of a pipeline: its first word, and the words after
// it, which are arguments when the first is a function or a method.
type command struct {
	head word
	args []word
}

type word struct {
	kind wordKind
	// fields follow the dot (wField), the variable (wVar) or sub (wChain).
	fields  []*field
	varName string
	fn      *function
	pipe    *pipeline
	sub     *word
	val     reflect.Value // wConst: a bool or a string
	num     *parse.NumberNode
	str     string // wConst of a string: its text
	isStr   bool
	// ideal is a wNumber's value as an argument of type any (idealOK
	// false when text/template fails on it).
	ideal   reflect.Value
	idealOK bool
}

// field is one name of a field chain, with what it resolved to for the
// last type it met.
type field struct {
	name    string
	nameVal reflect.Value
	cache   atomic.Pointer[resolved]
}

func (c *compiler) list(l *parse.ListNode) ([]node, error) {
	if l == nil {
		return nil, nil
	}
	out := make([]node, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if len(out) > 0 && out[len(out)-1].kind == nText {
				out[len(out)-1].text += string(n.Text)
				continue
			}
			out = append(out, node{kind: nText, text: string(n.Text)})
		case *parse.CommentNode:
		case *parse.ActionNode:
			p, err := c.pipeline(n.Pipe)
			if err != nil {
				return nil, err
			}
			a := node{kind: nAction, pipe: p}
			if len(p.decl) == 0 {
				for len(p.cmds) > 1 {
					last := p.cmds[len(p.cmds)-1]
					if last.head.kind != wFunc || len(last.args) > 0 || last.head.fn.esc == nil {
						break
					}
					a.out = append([]*function{last.head.fn}, a.out...)
					p.cmds = p.cmds[:len(p.cmds)-1]
				}
				// html/template ends every printing action with its
				// escapers, or with html or urlquery (left to it at
				// run time). One without was not escaped: a template
				// redefined after New, whose tree html/template never saw.
				if last := p.cmds[len(p.cmds)-1].head; len(a.out) == 0 &&
					(last.kind != wFunc || last.fn.name != "html" && last.fn.name != "urlquery") {
					return nil, unsupported("action %s without escaper", n)
				}
			}
			out = append(out, a)
		case *parse.IfNode, *parse.WithNode, *parse.RangeNode:
			b, err := c.branch(n)
			if err != nil {
				return nil, err
			}
			out = append(out, b)
		case *parse.TemplateNode:
			t, err := c.template(n.Name)
			if err != nil {
				return nil, err
			}
			tn := node{kind: nTemplate, tmpl: t}
			if n.Pipe != nil {
				if tn.pipe, err = c.pipeline(n.Pipe); err != nil {
					return nil, err
				}
			}
			out = append(out, tn)
		case *parse.BreakNode:
			out = append(out, node{kind: nBreak})
		case *parse.ContinueNode:
			out = append(out, node{kind: nContinue})
		default:
			return nil, unsupported("node %s", n)
		}
	}
	return out, nil
}

// branch compiles an if, a with or a range.
func (c *compiler) branch(n parse.Node) (node, error) {
	var kind nodeKind
	var br *parse.BranchNode
	switch n := n.(type) {
	case *parse.IfNode:
		kind, br = nIf, &n.BranchNode
	case *parse.WithNode:
		kind, br = nWith, &n.BranchNode
	case *parse.RangeNode:
		kind, br = nRange, &n.BranchNode
	}
	p, err := c.pipeline(br.Pipe)
	if err != nil {
		return node{}, err
	}
	b := node{kind: kind, pipe: p}
	if b.list, err = c.list(br.List); err != nil {
		return node{}, err
	}
	if br.ElseList != nil {
		if b.elseList, err = c.list(br.ElseList); err != nil {
			return node{}, err
		}
		if b.elseList == nil {
			b.elseList = []node{}
		}
	}
	return b, nil
}

func (c *compiler) pipeline(p *parse.PipeNode) (*pipeline, error) {
	out := &pipeline{isAssign: p.IsAssign}
	for _, v := range p.Decl {
		out.decl = append(out.decl, v.Ident[0])
	}
	for _, cmd := range p.Cmds {
		cc := &command{}
		for i, a := range cmd.Args {
			w, err := c.word(a)
			if err != nil {
				return nil, err
			}
			if i == 0 {
				cc.head = w
			} else {
				cc.args = append(cc.args, w)
			}
		}
		out.cmds = append(out.cmds, cc)
	}
	return out, nil
}

func (c *compiler) word(n parse.Node) (word, error) {
	var w word
	switch n := n.(type) {
	case *parse.DotNode:
		w.kind = wDot
	case *parse.FieldNode:
		w.kind, w.fields = wField, fields(n.Ident)
	case *parse.VariableNode:
		w.kind, w.varName, w.fields = wVar, n.Ident[0], fields(n.Ident[1:])
	case *parse.ChainNode:
		if n.Node.Type() == parse.NodeNil {
			return w, unsupported("indirection through nil")
		}
		sub, err := c.word(n.Node)
		if err != nil {
			return w, err
		}
		w.kind, w.sub, w.fields = wChain, &sub, fields(n.Field)
	case *parse.IdentifierNode:
		f, ok := c.set.funcs[n.Ident]
		if !ok {
			return w, unsupported("function %q", n.Ident)
		}
		w.kind, w.fn = wFunc, f
	case *parse.PipeNode:
		p, err := c.pipeline(n)
		if err != nil {
			return w, err
		}
		w.kind, w.pipe = wPipe, p
	case *parse.BoolNode:
		w.kind, w.val = wConst, reflect.ValueOf(n.True)
	case *parse.StringNode:
		w.kind, w.val, w.str, w.isStr = wConst, reflect.ValueOf(n.Text), n.Text, true
	case *parse.NumberNode:
		w.kind, w.num = wNumber, n
		w.ideal, w.idealOK = idealConstant(n)
	case *parse.NilNode:
		w.kind = wNil
	default:
		return w, unsupported("word %s", n)
	}
	return w, nil
}

func fields(names []string) []*field {
	out := make([]*field, len(names))
	for i, n := range names {
		out[i] = &field{name: n, nameVal: reflect.ValueOf(n)}
	}
	return out
}

// idealConstant is the value of a number constant given to an argument
// of type any, as text/template makes it; ok is false when text/template
// would fail.
func idealConstant(n *parse.NumberNode) (reflect.Value, bool) {
	switch {
	case n.IsComplex:
		return reflect.ValueOf(n.Complex128), true
	case n.IsFloat && !isHexInt(n.Text) && !(len(n.Text) > 0 && n.Text[0] == '\'') &&
		strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64), true
	case n.IsInt:
		i := int(n.Int64)
		if int64(i) != n.Int64 {
			return reflect.Value{}, false
		}
		return reflect.ValueOf(i), true
	}
	return reflect.Value{}, false
}

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}
