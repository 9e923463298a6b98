package org.rilltokens.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "organizations")
@NamedQuery(name = Organization.FIND_BY_NAME, query = "SELECT o FROM Organization o WHERE o.name = :name")
public class Organization {

    public static final String FIND_BY_NAME = "Organization.findByName";

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    protected Organization() {
    }

    public Organization(String name, String displayName) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name);
        this.displayName = Objects.requireNonNull(displayName);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Organization that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
