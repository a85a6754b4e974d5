package io.firebreak.testing.classfixture;

/** Implements interface endpoints and names no roles: the scan must report it. */
public class UndecidedGreetingResource implements GreetingApi {

    @Override
    public String hello() {
        return "hello";
    }
}
