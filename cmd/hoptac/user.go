package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"hoptac/internal/auth"
	"hoptac/internal/config"
	"hoptac/internal/kind"
	"hoptac/internal/store"
)

const userUsage = `hoptac user add --email E --name N --role admin|editor [--city C] [--department D]
hoptac user disable --email E
hoptac user list

The password is read from the terminal (twice) or from standard input,
never from the command line. --city is required for editors and omitted
for admins.`

// userCommand manages officials' accounts.
func userCommand(ctx context.Context, cfg config.Config, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(userUsage)
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	email := fs.String("email", "", "")
	name := fs.String("name", "", "")
	role := fs.String("role", "", "")
	city := fs.String("city", "", "")
	dept := fs.String("department", "", "")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w\n\n%s", err, userUsage)
	}
	switch args[0] {
	case "add":
		return addUser(ctx, st, *email, *name, *role, *city, *dept, stdin, stdout)
	case "disable":
		if *email == "" {
			return errors.New("--email is required")
		}
		if err := st.DisableUser(ctx, *email); errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no account with email %s", *email)
		} else if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "disabled %s; its sessions have ended\n", *email)
		return nil
	case "list":
		users, err := st.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			state := "active"
			if u.DisabledAt != nil {
				state = "disabled"
			}
			c := "all cities"
			if u.City != nil {
				c = *u.City
			}
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\n", u.Email, u.Name, u.Role, c, state)
		}
		return nil
	}
	return fmt.Errorf("unknown user command %q\n\n%s", args[0], userUsage)
}

func addUser(ctx context.Context, st *store.Store, email, name, role, city, dept string, stdin io.Reader, stdout io.Writer) error {
	switch {
	case email == "" || name == "":
		return errors.New("--email and --name are required")
	case role != auth.RoleAdmin && role != auth.RoleEditor:
		return errors.New("--role must be admin or editor")
	case role == auth.RoleEditor && city == "":
		return errors.New("--city is required for an editor")
	case role == auth.RoleAdmin && city != "":
		return errors.New("an admin works for every city: omit --city")
	}
	password, err := readPassword(stdin, stdout)
	if err != nil {
		return err
	}
	if err := auth.CheckPassword(password, email); err != nil {
		return err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	u := store.User{Email: email, Name: name, Role: role, PasswordHash: hash}
	if city != "" {
		u.City = &city
	}
	if dept != "" {
		u.DepartmentCode = &dept
	}
	if err := st.CreateUser(ctx, &u); err != nil {
		var ce *store.ConstraintError
		if errors.As(err, &ce) {
			_, msg := kind.Explain(ce)
			return fmt.Errorf("%s (%s)", msg, ce.Constraint)
		}
		return err
	}
	fmt.Fprintf(stdout, "added %s (%s)\n", u.Email, u.Role)
	return nil
}

// readPassword prompts twice on a terminal; otherwise it reads one line
// from standard input (for scripts: echo "$PW" | hoptac user add …).
func readPassword(stdin io.Reader, stdout io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stdout, "Password: ")
		first, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stdout)
		if err != nil {
			return "", err
		}
		fmt.Fprint(stdout, "Again: ")
		second, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stdout)
		if err != nil {
			return "", err
		}
		if string(first) != string(second) {
			return "", errors.New("the two passwords differ")
		}
		return string(first), nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password on standard input")
	}
	return line, nil
}
