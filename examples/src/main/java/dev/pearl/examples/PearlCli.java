package dev.pearl.examples;

public final class PearlCli {
    public static void main(String[] args) {
        System.out.println("pearl");
    }
}
