package dev.docket.adapter.http.users;

import java.util.List;

/** A new user. */
record UserBody(String name, String email, List<String> roles) {}
