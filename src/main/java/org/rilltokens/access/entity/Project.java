package org.rilltokens.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.platform.CallerFactsListener;

@Entity
@Table(name = "projects")
@EntityListeners(CallerFactsListener.class)
@NamedQueries({
    @NamedQuery(name = Project.FIND_BY_NAME,
            query = "SELECT p FROM Project p WHERE p.organization = :organization AND p.name = :name"),
    @NamedQuery(name = Project.FIND_BY_PATH,
            query = "SELECT p FROM Project p WHERE p.organization.name = :org AND p.name = :project"),
    @NamedQuery(name = Project.FIND_BY_ORGS,
            query = "SELECT p FROM Project p JOIN FETCH p.organization WHERE p.organization IN :organizations ORDER BY p.name")
})
public class Project {

    public static final String FIND_BY_NAME = "Project.findByName";
    public static final String FIND_BY_ORGS = "Project.findByOrgs";
    /** A project by its organization's name and its own: the two names of every project URL. */
    public static final String FIND_BY_PATH = "Project.findByPath";
    public static final int DESCRIPTION_MAX = 1024;

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "org_id")
    private Organization organization;

    @Column(nullable = false, length = Organization.NAME_MAX)
    private String name;

    @Column(nullable = false, length = DESCRIPTION_MAX)
    private String description = "";

    protected Project() {
    }

    public Project(Organization organization, String name) {
        this(organization, name, "");
    }

    public Project(Organization organization, String name, String description) {
        this.id = UUID.randomUUID();
        this.organization = Objects.requireNonNull(organization);
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
    }

    public void rename(String name) {
        this.name = Objects.requireNonNull(name);
    }

    public void describe(String description) {
        this.description = Objects.requireNonNull(description);
    }

    public UUID id() {
        return id;
    }

    public Organization organization() {
        return organization;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Project that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
