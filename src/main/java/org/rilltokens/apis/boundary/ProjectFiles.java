package org.rilltokens.apis.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.rilltokens.apis.control.ProjectCatalog;
import org.rilltokens.apis.control.ProjectProblem;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.web.ActiveUser;

/**
 * What a project's page shows of its files: the custom APIs the signed-in person can call (and whether
 * each one's policy admits them), and the problems found in the project's files, with file and line.
 */
@Named
@RequestScoped
public class ProjectFiles {

    @Inject
    Apis apis;

    @Inject
    ProjectCatalog catalog;

    @Inject
    ActiveUser user;

    // One project per page, asked several times while the page renders.
    private List<Apis.Offered> offered;

    /** Empty when the person cannot query the project's data (a superuser outside it, say) or it has no files. */
    public List<Apis.Offered> apis(String org, String project) {
        if (offered == null) {
            try {
                offered = apis.offeredTo(apis.reader(user.id(), TokenScope.FULL, org, project));
            } catch (DomainException notReadable) {
                offered = List.of();
            }
        }
        return offered;
    }

    /** The project's problems, each with its file's path inside the project folder and the line. */
    public List<ProjectProblem> problems(String org, String project) {
        return catalog.problems(org, project);
    }
}
