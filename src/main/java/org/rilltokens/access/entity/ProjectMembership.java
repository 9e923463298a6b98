package org.rilltokens.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.platform.AccessFactsListener;
import org.rilltokens.users.entity.User;

/** A role given to one user directly on one project. */
@Entity
@Table(name = "project_members")
@EntityListeners(AccessFactsListener.class)
@NamedQueries({
    @NamedQuery(name = ProjectMembership.FIND,
            query = "SELECT m FROM ProjectMembership m WHERE m.project = :project AND m.user = :user"),
    @NamedQuery(name = ProjectMembership.FIND_BY_USER,
            query = "SELECT m FROM ProjectMembership m JOIN FETCH m.project p JOIN FETCH p.organization WHERE m.user.id = :userId"),
    @NamedQuery(name = ProjectMembership.FIND_BY_PROJECT,
            query = "SELECT m FROM ProjectMembership m JOIN FETCH m.user u WHERE m.project = :project ORDER BY u.email"),
    @NamedQuery(name = ProjectMembership.FIND_BY_ORG_AND_USER,
            query = "SELECT m FROM ProjectMembership m WHERE m.project.organization = :organization AND m.user = :user")
})
public class ProjectMembership {

    public static final String FIND = "ProjectMembership.find";
    public static final String FIND_BY_USER = "ProjectMembership.findByUser";
    public static final String FIND_BY_PROJECT = "ProjectMembership.findByProject";
    public static final String FIND_BY_ORG_AND_USER = "ProjectMembership.findByOrgAndUser";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "project_id")
    private Project project;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProjectRole role;

    protected ProjectMembership() {
    }

    public ProjectMembership(Project project, User user, ProjectRole role) {
        this.id = UUID.randomUUID();
        this.project = Objects.requireNonNull(project);
        this.user = Objects.requireNonNull(user);
        this.role = Objects.requireNonNull(role);
    }

    public void changeRole(ProjectRole role) {
        this.role = Objects.requireNonNull(role);
    }

    public Project project() {
        return project;
    }

    public User user() {
        return user;
    }

    public ProjectRole role() {
        return role;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectMembership that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
