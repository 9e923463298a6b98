package org.rilltokens.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.platform.AccessFactsListener;

/** A project role held by a user group on behalf of its members. */
@Entity
@Table(name = "usergroup_project_roles")
@EntityListeners(AccessFactsListener.class)
@NamedQuery(name = GroupProjectRole.FIND_BY_PROJECT, query = "SELECT r FROM GroupProjectRole r JOIN FETCH r.usergroup g"
        + " WHERE r.project = :project ORDER BY g.name")
public class GroupProjectRole {

    public static final String FIND_BY_PROJECT = "GroupProjectRole.findByProject";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "usergroup_id")
    private Usergroup usergroup;

    @ManyToOne(optional = false)
    @JoinColumn(name = "project_id")
    private Project project;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProjectRole role;

    protected GroupProjectRole() {
    }

    GroupProjectRole(Usergroup usergroup, Project project, ProjectRole role) {
        this.id = UUID.randomUUID();
        this.usergroup = Objects.requireNonNull(usergroup);
        this.project = Objects.requireNonNull(project);
        this.role = Objects.requireNonNull(role);
    }

    public Usergroup usergroup() {
        return usergroup;
    }

    public Project project() {
        return project;
    }

    public ProjectRole role() {
        return role;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupProjectRole that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
