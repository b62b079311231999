package org.powexchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PowExchangeApplication {

    public static void main(String[] args) {
        SpringApplication.run(PowExchangeApplication.class, args);
    }
}
