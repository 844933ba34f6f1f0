package dev.docket.ports;

import dev.docket.domain.DomainException;

/** The resource does not exist, or belongs to someone the caller may not see. */
public final class NotFoundException extends DomainException {
  private final String resource;

  public NotFoundException(String resource, Object id) {
    super(resource + " " + id + " not found");
    this.resource = resource;
  }

  public String resource() {
    return resource;
  }
}
