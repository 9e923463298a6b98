package org.rilltokens.access.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rilltokens.platform.AccessFactsListener;
import org.rilltokens.users.entity.User;

/** A named set of an organization's users that holds project roles for all of them. */
@Entity
@Table(name = "usergroups")
@EntityListeners(AccessFactsListener.class)
@NamedQueries({
    @NamedQuery(name = Usergroup.FIND_BY_NAME,
            query = "SELECT g FROM Usergroup g WHERE g.organization = :organization AND g.name = :name"),
    @NamedQuery(name = Usergroup.FIND_BY_MEMBER,
            query = "SELECT g FROM Usergroup g JOIN g.members m JOIN FETCH g.organization WHERE m.id = :userId"),
    @NamedQuery(name = Usergroup.FIND_BY_ORG,
            query = "SELECT g FROM Usergroup g WHERE g.organization = :organization ORDER BY g.name"),
    @NamedQuery(name = Usergroup.FIND_BY_ORG_AND_MEMBER,
            query = "SELECT g FROM Usergroup g JOIN g.members m WHERE g.organization = :organization AND m = :user")
})
public class Usergroup {

    public static final String FIND_BY_NAME = "Usergroup.findByName";
    public static final String FIND_BY_MEMBER = "Usergroup.findByMember";
    public static final String FIND_BY_ORG = "Usergroup.findByOrg";
    public static final String FIND_BY_ORG_AND_MEMBER = "Usergroup.findByOrgAndMember";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "org_id")
    private Organization organization;

    @Column(nullable = false, length = Organization.NAME_MAX)
    private String name;

    @ManyToMany
    @JoinTable(name = "usergroup_members",
            joinColumns = @JoinColumn(name = "usergroup_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<User> members = new HashSet<>();

    @OneToMany(mappedBy = "usergroup", cascade = CascadeType.ALL, orphanRemoval = true)
    private Set<GroupProjectRole> projectRoles = new HashSet<>();

    protected Usergroup() {
    }

    public Usergroup(Organization organization, String name) {
        this.id = UUID.randomUUID();
        this.organization = Objects.requireNonNull(organization);
        this.name = Objects.requireNonNull(name);
    }

    public void rename(String name) {
        this.name = Objects.requireNonNull(name);
    }

    /** @return false when {@code user} already was a member */
    public boolean addMember(User user) {
        return members.add(Objects.requireNonNull(user));
    }

    /** @return false when {@code user} was not a member */
    public boolean removeMember(User user) {
        return members.remove(user);
    }

    /** The members, ordered by email. */
    public List<User> members() {
        return members.stream().sorted(Comparator.comparing(User::email)).toList();
    }

    /** Gives every member {@code role} on {@code project}, replacing what the group held there. */
    public void grant(Project project, ProjectRole role) {
        projectRoles.removeIf(held -> held.project().equals(project));
        projectRoles.add(new GroupProjectRole(this, project, role));
    }

    /** @return the role the group held on {@code project}, if any */
    public Optional<ProjectRole> revoke(Project project) {
        Optional<ProjectRole> held = roleOn(project);
        projectRoles.removeIf(role -> role.project().equals(project));
        return held;
    }

    public Optional<ProjectRole> roleOn(Project project) {
        return projectRoles.stream().filter(held -> held.project().equals(project)).map(GroupProjectRole::role).findFirst();
    }

    /** The project roles this group holds, by project. */
    public Map<Project, ProjectRole> projectRoles() {
        return projectRoles.stream().collect(Collectors.toMap(GroupProjectRole::project, GroupProjectRole::role));
    }

    public boolean hasMember(User user) {
        return members.contains(user);
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Usergroup that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
