package org.interlend.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API: {@code /v3/api-docs} (JSON), {@code /swagger-ui.html}.
 * Every operation needs HTTP Basic; errors are RFC 7807 problem details (see {@link ApiErrors}).
 */
@Configuration
public class ApiDocumentation {

  @Bean
  OpenAPI interlendApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Interlend API")
                .version("1")
                .description(
                    "Interlibrary loan and document delivery for HKALL patrons: search the union"
                        + " catalogue, place physical, digital and overseas requests, follow them in"
                        + " My Requests. The signed-in user is the patron (card number). Errors are"
                        + " RFC 7807 problem details (application/problem+json); invalid input is a"
                        + " 400 whose \"errors\" list names each field.")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
