package org.rilltokens.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A query parameter the called method does not take, or one given twice, is a 400 naming it, before the method
 * runs: a typo such as {@code ?displayname=} must never be read as "no filter" (for a revoke, "revoke everything").
 */
@Provider
@Priority(Priorities.USER)
public class KnownQueryParameters implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(QueryArguments.class)) {
            return;
        }
        Set<String> taken = TAKEN.computeIfAbsent(method, found -> taken(resource.getResourceClass(), found));
        MultivaluedMap<String, String> given = request.getUriInfo().getQueryParameters(false);
        given.keySet().stream().sorted().forEach(name -> {
            if (!taken.contains(name)) {
                throw DomainException.invalid(name, "Unknown query parameter '" + name + "'; "
                        + (taken.isEmpty() ? "this call takes none" : "this call takes " + String.join(", ", taken)));
            }
            if (given.get(name).size() > 1) {
                throw DomainException.invalid(name, "Query parameter '" + name + "' is given " + given.get(name).size()
                        + " times; give it once");
            }
        });
    }

    private static Set<String> taken(Class<?> type, Method method) {
        Stream<Annotation> onParameters = Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream);
        Stream<Annotation> onFields = Arrays.stream(type.getDeclaredFields()).map(field -> field.getAnnotation(QueryParam.class));
        Set<String> names = new TreeSet<>();
        Stream.concat(onParameters, onFields).filter(QueryParam.class::isInstance)
                .forEach(annotation -> names.add(((QueryParam) annotation).value()));
        return names;
    }
}
