package dev.docket.client.model;

import java.util.List;

/** A user to create: a name, a unique email and its roles. */
public record NewUser(String name, String email, List<String> roles) {
  public NewUser {
    roles = List.copyOf(roles);
  }
}
