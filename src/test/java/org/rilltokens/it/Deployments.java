package org.rilltokens.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, plus the test probe; deployed at the root context like in production. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive app() {
        File war = new File(System.getProperty("rill.war", "target/rill-tokens.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class)
                .addClass(TestProbe.class);
    }
}
